if false; then :; fi; echo $?
if true; then false; fi; echo $?
if false; then :; else (exit 3); fi; echo $?
