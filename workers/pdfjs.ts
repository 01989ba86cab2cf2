// pdf.js's worker, bundled by Vite (not copied as pdfjs-dist ships it) so that the build can
// change it: scripts/pdfjs-text-fonts.mjs (an opening that reads text layers only skips
// parsing embedded TrueType programs).
import 'pdfjs-dist/build/pdf.worker.mjs';
