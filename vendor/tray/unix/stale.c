/* A process that dies without tray_exit leaves its "tray-icons-<pid>" folder behind (it is
 * per process so two trays of one user never share files). The next tray_init clears the
 * folders of processes that are gone. Everything is relative to open folder descriptors,
 * never followed links, so a planted symlink cannot redirect the removal. */
#define _POSIX_C_SOURCE 200809L
#include "stale.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static const char PREFIX[] = "tray-icons-";

/* The pid in a folder name, or 0 if the name is not ours. */
static long pid_of(const char *name) {
  const char *digits = name + sizeof PREFIX - 1;
  char *end = NULL;
  long pid;
  if (strncmp(name, PREFIX, sizeof PREFIX - 1) != 0 || *digits < '1' || *digits > '9' || strlen(digits) > 9)
    return 0;
  errno = 0;
  pid = strtol(digits, &end, 10);
  return (errno == 0 && end != NULL && *end == '\0') ? pid : 0;
}

/* Only ESRCH proves a process is gone; EPERM means it exists (another user's). */
static int process_gone(long pid) {
  return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Empties and removes one folder, given by name inside the open folder `basefd`. */
static int remove_folder(int basefd, const char *name) {
  int fd = openat(basefd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  DIR *dir;
  struct dirent *e;
  int files = 0;
  if (fd < 0)
    return 0;
  dir = fdopendir(fd);
  if (dir == NULL) {
    close(fd);
    return 0;
  }
  while ((e = readdir(dir)) != NULL && files < TRAYP_STALE_MAX_FILES) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    files++;
    /* Only files: the library writes no sub-folders, so a folder here is not ours to remove. */
    (void)unlinkat(fd, e->d_name, 0);
  }
  closedir(dir);
  return unlinkat(basefd, name, AT_REMOVEDIR) == 0;
}

int trayp_remove_stale_icon_dirs(const char *base) {
  int basefd, removed = 0, seen = 0;
  DIR *dir;
  struct dirent *e;
  long self = (long)getpid();
  if (base == NULL)
    return -1;
  basefd = open(base, O_RDONLY | O_DIRECTORY);
  if (basefd < 0)
    return -1;
  dir = fdopendir(dup(basefd));
  if (dir == NULL) {
    close(basefd);
    return -1;
  }
  while ((e = readdir(dir)) != NULL && seen++ < TRAYP_STALE_MAX_ENTRIES) {
    struct stat st;
    long pid = pid_of(e->d_name);
    if (pid <= 0 || pid == self)
      continue;
    if (fstatat(basefd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid())
      continue;
    if (process_gone(pid))
      removed += remove_folder(basefd, e->d_name);
  }
  closedir(dir);
  close(basefd);
  return removed;
}
