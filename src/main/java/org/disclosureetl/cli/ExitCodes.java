package org.disclosureetl.cli;

/**
 * The process exit codes of the commands (docs/OUTPUT.md, "Command line"): 0 when the job completed (even
 * with failed documents, which are in the failure log), 1 when the job failed or was stopped or the database
 * could not be used, 2 for a usage error.
 */
final class ExitCodes {

    static final int OK = 0;
    static final int JOB_FAILED = 1;
    static final int USAGE = CommandSpec.USAGE_ERROR;

    private ExitCodes() {
    }
}
