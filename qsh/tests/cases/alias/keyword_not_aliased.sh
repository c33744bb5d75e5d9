alias if='echo no'
if true; then echo keyword; fi
