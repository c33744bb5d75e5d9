export EXVAR=exported
LOCAL=notexported
sh -c 'echo "[$EXVAR] [$LOCAL]"'
