import { networkOf } from './login-throttle';

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
