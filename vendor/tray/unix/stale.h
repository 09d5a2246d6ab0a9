/* Removal of pixel-icon folders left behind by dead processes. */
#ifndef TRAY_UNIX_STALE_H
#define TRAY_UNIX_STALE_H

/* Most entries of `base` looked at, and most files removed per folder. */
#define TRAYP_STALE_MAX_ENTRIES 4096
#define TRAYP_STALE_MAX_FILES 256

/* Removes every "tray-icons-<pid>" folder in `base` that belongs to this user, is a real
 * folder (not a link) and whose process no longer exists; returns how many were removed,
 * or -1 if `base` cannot be read. NULL `base` returns -1. */
int trayp_remove_stale_icon_dirs(const char *base);

#endif
