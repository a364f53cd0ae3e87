"""`python -m data_sources …`, as the data contract documents it: handed over to the command line at the top
of the stack (command_line.py), so nothing in data_sources imports a layer above it."""

import runpy

runpy.run_module("command_line", run_name="__main__", alter_sys=True)
