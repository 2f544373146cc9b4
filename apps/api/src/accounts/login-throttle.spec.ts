import { LoginThrottle, networkOf } from './login-throttle';

describe('networkOf: the address a failure is counted against', () => {
  it('IPv4 as it is, also when Node writes it IPv4-mapped', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf(null)).toBe('unknown');
  });

  it('IPv6 by its /64, however it is written: a host cannot take a fresh address per guess', () => {
    const net = '2001:db8:aa:1::/64';
    expect(networkOf('2001:db8:aa:1::1')).toBe(net);
    expect(networkOf('2001:0db8:00aa:0001:ffff:1:2:3')).toBe(net);
    expect(networkOf('2001:DB8:AA:1:0:0:0:9')).toBe(net);
    expect(networkOf('2001:db8:aa:2::1')).not.toBe(net);
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});

describe('LOGIN_FAILURES_PER_ADDRESS: the budget of one address across logins', () => {
  it('past the configured number of failures within an hour, every login from there waits a minute', () => {
    const throttle = new LoginThrottle({ loginFailuresPerAddress: 8 });
    let now = Date.UTC(2026, 11, 4, 9, 0);
    throttle.clock = () => now;
    for (let i = 0; i < 8; i++) throttle.begin('sign-in', `login${i}`, '198.51.100.4');
    expect(() => throttle.begin('sign-in', 'komitet', '198.51.100.4')).toThrow(
      expect.objectContaining({ code: 'too_many_attempts', details: { retryAfter: 60 } }),
    );
    // Another address is not affected, and the first may go on after the minute.
    expect(() => throttle.begin('sign-in', 'komitet', '198.51.100.5')).not.toThrow();
    now += 60_000;
    expect(() => throttle.begin('sign-in', 'komitet', '198.51.100.4')).not.toThrow();
  });
});
