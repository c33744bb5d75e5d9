printf 'tab\there\n'
printf '%b\n' 'esc\tseq' 'stop\cnever'
printf '\101\n'
