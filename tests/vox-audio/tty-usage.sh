# No operand and a terminal on standard input: no file list to read, so
# the usage and exit 2, as vox-resample does (it would read audio from
# the terminal).  script(1) gives the tools a terminal.
timeout 10 script -qec "\"$TOOLDIR/vox-audio\"; echo \"exit \$?\"" \
    /dev/null </dev/null | tr -d '\r'
timeout 10 script -qec "\"$TOOLDIR/vox-resample\" -o /tmp; echo \"exit \$?\"" \
    /dev/null </dev/null | tr -d '\r'
