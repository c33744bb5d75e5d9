echo $ "$" a$ '$x' $, $/
