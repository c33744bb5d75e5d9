/*
 * langinfo.c - nl_langinfo and nl_langinfo_l: the "C" locale's strings,
 * and CODESET "UTF-8" or "ANSI_X3.4-1968" by LC_CTYPE.
 */
#include <langinfo.h>
#include "libc.h"
#include "locale_impl.h"

static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                   "Thursday", "Friday", "Saturday"};
static const char *const abdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
static const char *const abmonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* The string for item in locale l ("" for an unknown item). */
char *nl_langinfo_l(nl_item item, locale_t l)
{
	if (item >= DAY_1 && item <= DAY_7)
		return (char *)days[item - DAY_1];
	if (item >= ABDAY_1 && item <= ABDAY_7)
		return (char *)abdays[item - ABDAY_1];
	if (item >= MON_1 && item <= MON_12)
		return (char *)months[item - MON_1];
	if (item >= ABMON_1 && item <= ABMON_12)
		return (char *)abmonths[item - ABMON_1];
	switch (item) {
	case CODESET:
		return __qsoe_utf8_l(l) ? "UTF-8" : "ANSI_X3.4-1968";
	case D_T_FMT:
		return "%a %b %e %H:%M:%S %Y";
	case D_FMT:
		return "%m/%d/%y";
	case T_FMT:
		return "%H:%M:%S";
	case T_FMT_AMPM:
		return "%I:%M:%S %p";
	case AM_STR:
		return "AM";
	case PM_STR:
		return "PM";
	case RADIXCHAR:
		return ".";
	case THOUSEP:
		return "";
	case YESEXPR:
		return "^[yY]";
	case NOEXPR:
		return "^[nN]";
	case CRNCYSTR:
		return "-";
	default:
		return "";
	}
}

char *nl_langinfo(nl_item item)
{
	return nl_langinfo_l(item, __qsoe_curlocale());
}
