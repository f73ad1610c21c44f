# Helper module in the test directory itself (leading underscore: not run as a test).
GREETING = 'hello from _local_helper'
def shout(s):
    return s.upper() + '!'
