trap 'echo parent-trap' USR1
(trap; echo sub-done)
