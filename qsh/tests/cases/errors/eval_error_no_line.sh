eval 'nosuch_eval_cmd'
eval 'echo ${u?eval-err}'
echo not reached
