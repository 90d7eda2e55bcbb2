// A thread that writes to stderr every millisecond until it is stopped.
setInterval(() => process.stderr.write('x\n'), 1);
