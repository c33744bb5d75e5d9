/*
 * conf.c - the parser of init's configuration (format in init.h).
 */
#include "init.h"

#include <stdlib.h>
#include <string.h>

void conf_free(struct service *s)
{
	while (s != NULL) {
		struct service *n = s->next;
		for (char **a = s->argv; a && *a; a++)
			free(*a);
		free(s->argv);
		free(s->wait);
		free(s->tty);
		free(s->alt);
		free(s);
		s = n;
	}
}

/*
 * The next word of the line at *p (advanced past it), malloc'd; NULL at
 * the end of the line or a comment. *bad is set for an unclosed quote.
 */
static char *word(const char **p, int *bad)
{
	const char *s = *p;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0' || *s == '\n' || *s == '#') {
		*p = s;
		return NULL;
	}
	size_t cap = strcspn(s, "\n") + 1, n = 0;
	char *w = malloc(cap);
	if (w == NULL) {
		*bad = 1;
		return NULL;
	}
	int quoted = 0;
	while (*s != '\0' && *s != '\n') {
		if (*s == '"') {
			quoted = !quoted;
			s++;
			continue;
		}
		if (!quoted && (*s == ' ' || *s == '\t'))
			break;
		w[n++] = *s++;
	}
	w[n] = '\0';
	if (quoted)
		*bad = 2;
	*p = s;
	return w;
}

/* Parses one line into s. Returns NULL (OK, empty if s->argv is NULL) or an error message. */
static const char *parse_line(const char *p, struct service *s)
{
	int bad = 0, argc = 0, cap = 0;
	char *w;

	while ((w = word(&p, &bad)) != NULL) {
		if (s->argv == NULL && w[0] != '/') { /* a flag */
			char **field = NULL;
			if (strcmp(w, "daemon") == 0)
				s->flags |= SVC_DAEMON;
			else if (strcmp(w, "once") == 0)
				s->flags |= SVC_ONCE;
			else if (strcmp(w, "respawn") == 0)
				s->flags |= SVC_RESPAWN;
			else if (strncmp(w, "wait=", 5) == 0)
				field = &s->wait;
			else if (strncmp(w, "tty=", 4) == 0)
				field = &s->tty;
			else if (strncmp(w, "alt=", 4) == 0)
				field = &s->alt;
			else {
				free(w);
				return "unknown flag (daemon, once, respawn, wait=, tty=, alt=) or "
				       "a "
				       "program without an absolute path";
			}
			if (field != NULL) {
				const char *v = strchr(w, '=') + 1;
				if (*field != NULL || v[0] != '/') {
					free(w);
					return "wait=, tty= and alt= take one absolute path";
				}
				*field = strdup(v);
				if (*field == NULL) {
					free(w);
					return "out of memory";
				}
			}
			free(w);
			continue;
		}
		if (argc + 2 > cap) {
			cap = cap ? 2 * cap : 8;
			char **n = realloc(s->argv, (size_t)cap * sizeof(*n));
			if (n == NULL) {
				free(w);
				return "out of memory";
			}
			s->argv = n;
		}
		s->argv[argc++] = w;
		s->argv[argc] = NULL;
	}
	if (bad == 1)
		return "out of memory";
	if (bad == 2)
		return "unclosed quote";
	if (s->argv == NULL && (s->flags || s->wait || s->tty || s->alt))
		return "flags without a program";
	if ((s->flags & SVC_ONCE) && (s->flags & (SVC_RESPAWN | SVC_DAEMON)))
		return "once cannot be combined with respawn or daemon";
	return NULL;
}

struct service *conf_parse(const char *text, const char **err, int *errline)
{
	struct service *head = NULL, **tail = &head;
	int line = 0;

	*err = NULL;
	*errline = 0;
	for (const char *p = text; *p != '\0';) {
		line++;
		struct service *s = calloc(1, sizeof(*s));
		if (s == NULL) {
			*err = "out of memory";
			break;
		}
		s->line = line;
		const char *e = parse_line(p, s);
		p += strcspn(p, "\n");
		if (*p == '\n')
			p++;
		if (e != NULL) {
			*err = e;
			*errline = line;
			conf_free(s);
			break;
		}
		if (s->argv == NULL) {
			conf_free(s);
			continue;
		}
		*tail = s;
		tail = &s->next;
	}
	if (*err != NULL) {
		conf_free(head);
		return NULL;
	}
	return head;
}
