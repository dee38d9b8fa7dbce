/** `npm start`: placeholder until the relay lands; serves a page saying what Kinwatch is. */
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><html lang="en"><title>Kinwatch</title><h1>Kinwatch</h1><p>Protecting older people from courier fraud.</p></html>');
}).listen(port, host, () => console.log(`Kinwatch on http://${host}:${port}`));
