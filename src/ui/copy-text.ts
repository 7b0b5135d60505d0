/** Copies text to the clipboard; without clipboard access, selects the field showing it so the visitor can copy by hand. */
import { MSG } from '../i18n/messages';

export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = MSG.copied;
  } catch {
    field.focus();
    field.select();
    status.textContent = MSG.copyByHand;
  }
}
