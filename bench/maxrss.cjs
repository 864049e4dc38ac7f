// Preloaded into a benchmarked process: reports its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
