/* SPDX-License-Identifier: ISC */
/*
 * The workers' seccomp allow list, on top of Kore's own: what MariaDB
 * Connector/C needs to reach the database over a unix socket or TCP, the
 * threads of Kore's tasks, and nothing else (no exec, no other socket
 * families). Kore kills a worker that makes any other call;
 * `seccomp_tracing yes` in the Kore configuration names the call instead.
 */
#include <sys/socket.h>

#include <kore/kore.h>
#include <kore/seccomp.h>

KORE_SECCOMP_FILTER("faxcenter",
	/* connecting to MariaDB */
	KORE_SYSCALL_ALLOW_ARG(socket, 0, AF_UNIX),
	KORE_SYSCALL_ALLOW_ARG(socket, 0, AF_INET),
	KORE_SYSCALL_ALLOW_ARG(socket, 0, AF_INET6),
	KORE_SYSCALL_ALLOW(connect),
	KORE_SYSCALL_ALLOW(getsockopt),
	KORE_SYSCALL_ALLOW(getsockname),
	KORE_SYSCALL_ALLOW(getpeername),
	KORE_SYSCALL_ALLOW(shutdown),
	/* the client library's handshake (client attributes, file checks) */
	KORE_SYSCALL_ALLOW(uname),
	KORE_SYSCALL_ALLOW(newfstatat),
	/* Kore's task threads (staff password checks, password_task.c) */
	KORE_SYSCALL_ALLOW(clone3),
	KORE_SYSCALL_ALLOW(clone),
	KORE_SYSCALL_ALLOW(rseq),
	KORE_SYSCALL_ALLOW(set_robust_list),
);
