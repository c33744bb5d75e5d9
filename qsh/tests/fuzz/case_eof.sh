case x in
(a|