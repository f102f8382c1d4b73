/*
 * The program's name, for messages in err(3) form.  The name is
 * borrowed from argv[0] (or is a static default) and never freed.
 */
#ifndef VOX_PROGNAME_H
#define VOX_PROGNAME_H

char		*progname_set(char *);
const char	*progname_get(void);

#endif
