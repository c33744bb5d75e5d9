echo cont |
tr c C
