import { loadDemo } from '../src/cli/demo';
import { HttpTestContext } from './support/http-context';

/**
 * The demo municipality loads through the same path as the CLI's import: every demo upload
 * keeps its original, which «Скачать исходный файл» on its page downloads (it answered 404
 * while the demo called the import directly).
 */
jest.setTimeout(120_000);
const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;

beforeAll(async () => {
  await ctx.start();
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await loadDemo(ctx.app);
  log.mockRestore();
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

it('every demo upload, the registry included, is logged under «demo» and downloads as it was sent', async () => {
  const { body: uploads } = await committee.get('/api/uploads').query({ limit: 500 }).expect(200);
  expect(uploads.length).toBeGreaterThan(3);
  expect(uploads.map((u: { kind: string }) => u.kind)).toEqual(
    expect.arrayContaining(['registry', 'school']),
  );
  for (const upload of uploads as { id: number; uploadedBy: string; fileName: string }[]) {
    expect(upload.uploadedBy).toBe('demo');
    const file = await committee.get(`/api/uploads/${upload.id}/file`).responseType('blob').expect(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect((file.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  }
});
