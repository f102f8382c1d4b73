# voxprep build configuration.  Override on the command line:
#   make PREFIX=/opt/voxprep DEVELOPER=1 SANITIZE=1 RESAMPLER=soxr

VERSION = 0.1.0

PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/voxprep
DESTDIR =

CC = cc
PKG_CONFIG = pkg-config

# libsamplerate (default) or soxr: libsoxr's build of the same API.
RESAMPLER = libsamplerate

CFLAGS = -O2 -g
CPPFLAGS =
LDFLAGS =
