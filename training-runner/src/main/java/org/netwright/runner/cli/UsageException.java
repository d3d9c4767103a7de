package org.netwright.runner.cli;

/** Bad input on the command line (unknown flag, template or file, a bad number): exit status 2 and one line. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
