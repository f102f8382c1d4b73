/*
 * Little-endian fields, as RIFF and zip headers store them.
 */
#ifndef VOX_LE_H
#define VOX_LE_H

#include <stdint.h>

static inline void
le16_put(unsigned char *p, unsigned int v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
}

static inline void
le32_put(unsigned char *p, uint32_t v)
{
	le16_put(p, v & 0xffff);
	le16_put(p + 2, v >> 16);
}

#endif
