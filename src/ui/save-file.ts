// Saving a file the app made in the page: an object URL clicked as a download link.
export function saveFile(file: File): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the blob once the click is handled; give it a moment on slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
