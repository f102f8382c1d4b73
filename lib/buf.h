/*
 * Growable byte buffers, always NUL-terminated after len.
 * A struct buf owns its memory; buf_detach() hands it to the caller.
 */
#ifndef VOX_BUF_H
#define VOX_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};
#define BUF_INIT { NULL, 0, 0 }

void	 buf_grow(struct buf *, size_t);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, int);
void	 buf_addstr(struct buf *, const char *);
void	 buf_addvalid(struct buf *, const char *);
void	 buf_addesc(struct buf *, const char *);
char	*buf_escdup(const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_count(struct buf *, unsigned long long, const char *,
	    const char *);
void	 buf_reset(struct buf *);
char	*buf_detach(struct buf *);
void	 buf_release(struct buf *);
const char *buf_str(const struct buf *);

#endif
