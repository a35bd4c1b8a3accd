// The message box: Enter sends (Shift+Enter for a new line; never while a Korean IME is composing),
// shows the character count against the server's 4000 limit.
"use client";

import { useRef, type FormEvent, type KeyboardEvent } from "react";

export const MESSAGE_LIMIT = 4000;

export function Composer({
  value, onChange, onSend, busy,
}: {
  value: string;
  onChange: (v: string) => void;
  onSend: (text: string) => void;
  busy: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const over = value.length > MESSAGE_LIMIT;
  // Phones keep the counter out of the way until the limit is near.
  const nearLimit = value.length > MESSAGE_LIMIT * 0.75;
  const canSend = !busy && value.trim().length > 0;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    onSend(value);
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-3xl" aria-label="질문 보내기">
      <div className="flex items-end gap-2 rounded-2xl border border-slate-300 bg-white p-2 shadow-sm focus-within:border-indigo-400 focus-within:ring-2 focus-within:ring-indigo-100">
        <textarea
          ref={ref}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          rows={1}
          placeholder="부동산 질문을 입력하세요"
          aria-label="메시지"
          data-testid="composer-input"
          className="field-sizing-content max-h-48 min-h-[2.5rem] flex-1 resize-none bg-transparent px-2 py-2 text-[15px] leading-relaxed text-slate-900 outline-none placeholder:text-slate-400"
        />
        <button
          type="submit"
          disabled={!canSend}
          data-testid="send"
          className="h-10 shrink-0 rounded-xl bg-indigo-600 px-4 text-sm font-semibold text-white transition hover:bg-indigo-700 disabled:cursor-not-allowed disabled:bg-slate-300"
        >
          {busy ? "답변 중…" : "보내기"}
        </button>
      </div>
      <p className={`mt-1 px-2 text-right text-[11px] tabular-nums ${over ? "font-semibold text-rose-600" : "text-slate-400"} ${nearLimit ? "" : "hidden md:block"}`} aria-live="polite">
        {over ? `최대 ${MESSAGE_LIMIT.toLocaleString()}자까지 보낼 수 있습니다 · ` : ""}
        {value.length.toLocaleString()} / {MESSAGE_LIMIT.toLocaleString()}
      </p>
    </form>
  );
}
