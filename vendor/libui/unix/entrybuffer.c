/* A GtkEntryBuffer that holds up to uiTextLimit bytes.  GTK's own buffer
 * stops near 65,535 bytes (G_MAXUSHORT) and then cuts multi-byte text
 * below the limit ui.h promises, so entries keep their text here. */
#include <string.h>
#include "uipriv_unix.h"

typedef struct uiprivEntryBuffer {
	GtkEntryBuffer parent;
	char *text; /* always NUL-terminated, uiTextLimit + 1 bytes once anything is stored */
	gsize bytes;
	guint chars;
} uiprivEntryBuffer;

typedef struct uiprivEntryBufferClass {
	GtkEntryBufferClass parent;
} uiprivEntryBufferClass;

G_DEFINE_TYPE(uiprivEntryBuffer, uipriv_entry_buffer, GTK_TYPE_ENTRY_BUFFER)

#define entryBuffer(b) ((uiprivEntryBuffer *) (b))

static const gchar *bufferGetText(GtkEntryBuffer *buffer, gsize *n_bytes)
{
	uiprivEntryBuffer *b = entryBuffer(buffer);

	if (n_bytes != NULL)
		*n_bytes = b->bytes;
	return b->text != NULL ? b->text : "";
}

static guint bufferGetLength(GtkEntryBuffer *buffer)
{
	return entryBuffer(buffer)->chars;
}

static guint bufferInsertText(GtkEntryBuffer *buffer, guint position, const gchar *chars, guint n_chars)
{
	uiprivEntryBuffer *b = entryBuffer(buffer);
	const gchar *end = chars;
	gsize room, at;
	guint n = 0;

	if (b->text == NULL)
		b->text = (char *) g_malloc0(uiTextLimit + 1);
	room = uiTextLimit - b->bytes;
	/* Whole characters only, as many as fit. */
	while (n < n_chars && *end != '\0') {
		const gchar *next = g_utf8_next_char(end);
		if ((gsize) (next - chars) > room)
			break;
		end = next;
		n++;
	}
	if (n == 0)
		return 0;
	if (position > b->chars)
		position = b->chars;
	at = (gsize) (g_utf8_offset_to_pointer(b->text, position) - b->text);
	memmove(b->text + at + (end - chars), b->text + at, b->bytes - at + 1);
	memcpy(b->text + at, chars, (size_t) (end - chars));
	b->bytes += (gsize) (end - chars);
	b->chars += n;
	gtk_entry_buffer_emit_inserted_text(buffer, position, chars, n);
	return n;
}

static guint bufferDeleteText(GtkEntryBuffer *buffer, guint position, guint n_chars)
{
	uiprivEntryBuffer *b = entryBuffer(buffer);
	gsize from, to;

	if (b->text == NULL || position >= b->chars)
		return 0;
	if (n_chars > b->chars - position)
		n_chars = b->chars - position;
	from = (gsize) (g_utf8_offset_to_pointer(b->text, position) - b->text);
	to = (gsize) (g_utf8_offset_to_pointer(b->text + from, n_chars) - b->text);
	memmove(b->text + from, b->text + to, b->bytes - to + 1);
	/* Password text does not linger in the freed tail. */
	memset(b->text + b->bytes - (to - from), 0, to - from);
	b->bytes -= to - from;
	b->chars -= n_chars;
	gtk_entry_buffer_emit_deleted_text(buffer, position, n_chars);
	return n_chars;
}

static void bufferFinalize(GObject *object)
{
	uiprivEntryBuffer *b = entryBuffer(object);

	if (b->text != NULL) {
		memset(b->text, 0, uiTextLimit + 1);
		g_free(b->text);
	}
	G_OBJECT_CLASS(uipriv_entry_buffer_parent_class)->finalize(object);
}

static void uipriv_entry_buffer_class_init(uiprivEntryBufferClass *klass)
{
	GtkEntryBufferClass *bc = GTK_ENTRY_BUFFER_CLASS(klass);

	G_OBJECT_CLASS(klass)->finalize = bufferFinalize;
	bc->get_text = bufferGetText;
	bc->get_length = bufferGetLength;
	bc->insert_text = bufferInsertText;
	bc->delete_text = bufferDeleteText;
}

static void uipriv_entry_buffer_init(uiprivEntryBuffer *b)
{
	(void) b;
}

GtkEntryBuffer *uiprivNewEntryBuffer(void)
{
	return GTK_ENTRY_BUFFER(g_object_new(uipriv_entry_buffer_get_type(), NULL));
}
