typeset -x tx=exported
sh -c 'echo child: $tx'
typeset +x tx
sh -c 'echo child2: [$tx]'
