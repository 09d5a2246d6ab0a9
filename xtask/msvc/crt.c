/* Test-only startup code for *-pc-windows-msvc programs linked by lld-link
 * against import libraries made from Wine's export lists (the msvc-run tier
 * of `cargo xtask test`).  Microsoft's msvcrt.lib/vcruntime.lib, which hold
 * the real startup objects, are not available on Linux.  Dynamic CRT only:
 * everything else comes from ucrtbase.dll and vcruntime140.dll.  Archived as
 * msvcrt.lib in the test's private library folder, never shipped. */

typedef __UINTPTR_TYPE__ xtask_uintptr;
typedef void(__cdecl *xtask_pvfv)(void);
typedef int(__cdecl *xtask_pifv)(void);
typedef void(__stdcall *xtask_tls_callback)(void *module, unsigned long reason, void *reserved);

/* ucrtbase.dll, declared here so no CRT header decides their shape. */
__declspec(dllimport) void __cdecl _set_app_type(int type);
__declspec(dllimport) int __cdecl _configure_narrow_argv(int mode);
__declspec(dllimport) int __cdecl _initialize_narrow_environment(void);
__declspec(dllimport) int *__cdecl __p___argc(void);
__declspec(dllimport) char ***__cdecl __p___argv(void);
__declspec(dllimport) char ***__cdecl __p__environ(void);
__declspec(dllimport) int __cdecl _initterm_e(xtask_pifv *first, xtask_pifv *last);
__declspec(dllimport) void __cdecl _initterm(xtask_pvfv *first, xtask_pvfv *last);
__declspec(dllimport) __declspec(noreturn) void __cdecl exit(int code);

int __cdecl main(int argc, char **argv, char **envp);

/* Initialiser tables: the compiler puts C (XI) and C++/Rust (XC) start-up
 * functions between these markers; the linker sorts .CRT$X?? by name. */
#pragma section(".CRT$XIA", long, read)
#pragma section(".CRT$XIZ", long, read)
#pragma section(".CRT$XCA", long, read)
#pragma section(".CRT$XCZ", long, read)
__declspec(allocate(".CRT$XIA")) xtask_pifv __xi_a[] = {0};
__declspec(allocate(".CRT$XIZ")) xtask_pifv __xi_z[] = {0};
__declspec(allocate(".CRT$XCA")) xtask_pvfv __xc_a[] = {0};
__declspec(allocate(".CRT$XCZ")) xtask_pvfv __xc_z[] = {0};

/* Thread-local storage: the loader finds the template (.tls) and the
 * callbacks (.CRT$XL?, Rust registers its TLS destructors there) through the
 * directory the linker points at when a symbol `_tls_used` exists. */
unsigned long _tls_index = 0;
#pragma section(".tls", long, read, write)
#pragma section(".tls$ZZZ", long, read, write)
__declspec(allocate(".tls")) char _tls_start = 0;
__declspec(allocate(".tls$ZZZ")) char _tls_end = 0;
#pragma section(".CRT$XLA", long, read)
#pragma section(".CRT$XLZ", long, read)
__declspec(allocate(".CRT$XLA")) const xtask_tls_callback __xl_a = 0;
__declspec(allocate(".CRT$XLZ")) const xtask_tls_callback __xl_z = 0;

struct xtask_tls_directory {
    xtask_uintptr start, end, index, callbacks;
    unsigned long zero_fill, characteristics;
};
#pragma section(".rdata$T", long, read)
__declspec(allocate(".rdata$T")) const struct xtask_tls_directory _tls_used = {
    (xtask_uintptr)&_tls_start, (xtask_uintptr)&_tls_end, (xtask_uintptr)&_tls_index,
    (xtask_uintptr)(&__xl_a + 1), 0, 0,
};

/* /GS: clang-cl checks each protected frame against this value. */
#if __SIZEOF_POINTER__ == 8
xtask_uintptr __security_cookie = 0x00002B992DDFA232ull;
#else
xtask_uintptr __security_cookie = 0xBB40E64Eu;
#endif

void __cdecl __security_check_cookie(xtask_uintptr cookie)
{
    if (cookie != __security_cookie)
        __fastfail(2); /* FAST_FAIL_STACK_COOKIE_CHECK_FAILURE */
}

/* Referenced by any object that uses floating point. */
int _fltused = 0x9875;

/* Rust's panic_unwind stores the address of type_info's vtable in the
 * exception's type descriptor; only the address matters. */
static void __cdecl xtask_type_info_destructor(void *self)
{
    (void)self;
}
const xtask_pvfv xtask_type_info_vtable[1] __asm__("??_7type_info@@6B@") = {
    (xtask_pvfv)xtask_type_info_destructor,
};

static __declspec(noreturn) void start(int app_type)
{
    _set_app_type(app_type);
    _configure_narrow_argv(2); /* _crt_argv_unexpanded_arguments */
    _initialize_narrow_environment();
    if (_initterm_e(__xi_a, __xi_z) != 0)
        exit(255);
    _initterm(__xc_a, __xc_z);
    exit(main(*__p___argc(), *__p___argv(), *__p__environ()));
}

int __cdecl mainCRTStartup(void)
{
    start(1); /* _crt_console_app */
}

/* The GUI-subsystem entry point; it too calls main(), which is what rustc
 * emits for both subsystems (there is no WinMain here). */
int __cdecl WinMainCRTStartup(void)
{
    start(2); /* _crt_gui_app */
}
