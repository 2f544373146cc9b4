/**
 * A supertest parser that keeps a download's bytes (`.buffer(true).parse(binary)`): a file
 * answer (.xlsx, .docx, an upload's original) compared byte for byte or unzipped.
 */
export function binary(
  response: { on: (e: string, f: (c?: Buffer) => void) => void },
  done: (e: Error | null, b: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk) => chunks.push(chunk!));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
