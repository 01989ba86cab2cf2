// Serves the production build (dist/) at http://localhost:4173; PORT overrides the port.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { port, strictPort: true, host: process.env.HOST ?? 'localhost' } });
server.printUrls();
