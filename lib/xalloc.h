/*
 * Allocation that never returns NULL: on failure it reports and exits 3.
 * Every returned pointer belongs to the caller.
 */
#ifndef VOX_XALLOC_H
#define VOX_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list);
void	 xoom(void) __attribute__((noreturn));

#endif
