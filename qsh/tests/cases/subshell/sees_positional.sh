set -- p1 p2
(echo $# $2)
