// Gives the scratch API what the browser tests need beyond the seed: a photo on Harbin (so that srcset and
// alt text are exercised), published. Run before the site is built. Needs API_URL, ADMIN, ADMIN_PASSWORD.
import { deflateSync } from 'node:zlib';

const api = process.env.API_URL;
const auth = 'Basic ' + Buffer.from(`${process.env.ADMIN}:${process.env.ADMIN_PASSWORD}`).toString('base64');

/** A 1600 × 900 PNG of two colour bands, made here so that the tests carry no binary file. */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const sky = y < height * 0.6;
      rows.set(sky ? [120, 170, 220] : [60, 110, 70], row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function call(method, path, body, headers = {}) {
  const response = await fetch(api + path, { method, body, headers: { Authorization: auth, ...headers } });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

const form = new FormData();
form.set('file', new Blob([png(1600, 900)], { type: 'image/png' }), 'harbin.png');
form.set('alt', 'The Songhua River at Harbin under a clear sky');
form.set('caption', 'Harbin, Heilongjiang');
form.set('credit', 'Twinning test image');
const media = await (await call('POST', '/api/v1/media', form)).json();
await call('PATCH', '/api/v1/cities/harbin?publish=true', JSON.stringify({ images: [{ mediaId: media.id, role: 'PHOTO' }] }), {
  'Content-Type': 'application/merge-patch+json',
});
console.log(`prepared: image ${media.id} (${media.variants.length} sizes) on Harbin, published`);
