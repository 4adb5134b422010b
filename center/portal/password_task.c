/* SPDX-License-Identifier: ISC */
/* Password checks in a Kore task thread; see password_task.h. */
#include <string.h>

#include "password.h"
#include "password_task.h"

/* password and stored hash, each NUL-terminated, then a byte: has hash */
#define INPUT_MAX	(256 + PASSWORD_HASH_MAX + 1)

static int
check(struct kore_task *t)
{
	char		in[INPUT_MAX];
	u_int32_t	len;
	size_t		pwlen;
	u_int8_t	verdict;
	const char	*stored;

	len = kore_task_channel_read(t, in, sizeof(in));
	if (len < 3 || len > sizeof(in) || in[len - 1] > 1)
		return KORE_RESULT_ERROR;
	pwlen = strnlen(in, len);
	if (pwlen + 2 >= len)
		return KORE_RESULT_ERROR;
	stored = in[len - 1] ? in + pwlen + 1 : NULL;
	verdict = (u_int8_t)password_verify(in, stored);
	explicit_bzero(in, sizeof(in));
	kore_task_channel_write(t, &verdict, sizeof(verdict));
	return KORE_RESULT_OK;
}

void
password_task_start(struct http_request *req, struct portal *p,
    const char *password, const char *stored)
{
	char	in[INPUT_MAX];
	size_t	pwlen = strlen(password), hlen = stored ? strlen(stored) : 0;

	/* The validator caps passwords at 200 bytes; a longer hash is bad. */
	if (pwlen > 255 || hlen >= PASSWORD_HASH_MAX)
		stored = NULL, hlen = 0;
	if (pwlen > 255)
		pwlen = 255;
	memcpy(in, password, pwlen);
	in[pwlen] = '\0';
	memcpy(in + pwlen + 1, stored ? stored : "", hlen);
	in[pwlen + 1 + hlen] = '\0';
	in[pwlen + 2 + hlen] = stored != NULL;
	kore_task_create(&p->task, check);
	kore_task_bind_request(&p->task, req);
	p->task_used = 1;
	kore_task_run(&p->task);
	kore_task_channel_write(&p->task, in, (u_int32_t)(pwlen + 3 + hlen));
	explicit_bzero(in, sizeof(in));
}

int
password_task_result(struct http_request *req, struct portal *p)
{
	u_int8_t	verdict = 0;

	if (kore_task_state(&p->task) != KORE_TASK_STATE_FINISHED) {
		http_request_sleep(req);
		return -1;
	}
	if (kore_task_result(&p->task) != KORE_RESULT_OK ||
	    kore_task_channel_read(&p->task, &verdict, sizeof(verdict)) !=
	    sizeof(verdict))
		return 0;
	return verdict == 1;
}
