/*
 * The libxml2 adapter: the only module that includes libxml2.  Documents
 * are read into an opaque tree; nodes are borrowed from their document.
 * Strings returned as char * belong to the caller.
 */
#ifndef VOX_XML_H
#define VOX_XML_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"

struct xml_doc;
struct xml_node;
struct xml_writer;

struct xml_doc	*xml_read(const char *, const char *, struct diag *);
struct xml_doc	*xml_read_mem(const void *, size_t, const char *,
		    const char *, struct diag *);
void		 xml_free(struct xml_doc *);
const struct xml_node *xml_root(const struct xml_doc *);
const struct xml_node *xml_first(const struct xml_node *, const char *);
const struct xml_node *xml_next(const struct xml_node *, const char *);
const char	*xml_name(const struct xml_node *);
char		*xml_attr(const struct xml_node *, const char *);
char		*xml_text(const struct xml_node *);
long		 xml_line(const struct xml_node *);
int		 xml_has_entities(const struct xml_doc *);

struct xml_writer *xml_writer_new(void);
struct xml_writer *xml_html_new(void);
void		 xml_start(struct xml_writer *, const char *);
void		 xml_wattr(struct xml_writer *, const char *, const char *);
void		 xml_wattrf(struct xml_writer *, const char *, const char *,
		    ...) __attribute__((format(printf, 3, 4)));
void		 xml_wtext(struct xml_writer *, const char *);
void		 xml_esc(struct buf *, const char *, int);
void		 xml_wraw(struct xml_writer *, const char *, size_t);
void		 xml_end(struct xml_writer *);
void		 xml_end_full(struct xml_writer *);
void		 xml_wscript(struct xml_writer *, const char *);
int		 xml_writer_finish(struct xml_writer *, struct buf *);

#endif
