// The caller's conversations, newest first, with rename and delete. Shown as a sidebar on wide
// screens and inside the menu drawer on phones; an anonymous visitor without a cookie sees none.
"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../trpc";
import { formatWhen } from "./labels";

const STATUS_DOT: Record<string, string> = {
  running: "bg-indigo-500 animate-pulse", completed: "bg-emerald-500", failed: "bg-rose-500",
};

export function ConversationList({
  activeSessionId, hasUser, onSelect, onNewChat, onDeleted,
}: {
  activeSessionId: string | null;
  hasUser: boolean;
  onSelect: (sessionId: string) => void;
  onNewChat: () => void;
  onDeleted: (sessionId: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery({ ...trpc.chat.sessions.queryOptions(), enabled: hasUser });
  const [editing, setEditing] = useState<{ id: string; title: string } | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.chat.sessions.queryKey() });
  const rename = useMutation(trpc.chat.rename.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.chat.delete.mutationOptions({
      onSuccess: (r) => {
        onDeleted(r.deleted);
        void invalidate();
      },
    }),
  );
  const mutationError = rename.error ?? remove.error;

  return (
    <nav className="flex min-h-0 flex-1 flex-col" aria-label="대화 목록">
      <div className="p-3">
        <button
          type="button"
          onClick={onNewChat}
          data-testid="new-chat"
          className="flex w-full items-center justify-center gap-2 rounded-xl bg-indigo-600 px-3 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
        >
          <span aria-hidden>＋</span> 새 대화
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
        {sessions.isLoading && (
          <div className="space-y-2 px-1" aria-busy="true">
            {[0, 1, 2].map((i) => <div key={i} className="h-9 animate-pulse rounded-lg bg-slate-200/60" />)}
          </div>
        )}
        {sessions.isError && <p className="px-2 text-xs text-rose-600" role="alert">목록을 불러오지 못했습니다: {sessions.error.message}</p>}
        {mutationError && <p className="px-2 pb-2 text-xs text-rose-600" role="alert">{mutationError.data?.appCode === "conflict:session_running" ? "실행 중인 대화는 삭제할 수 없습니다." : mutationError.message}</p>}
        {(!hasUser || (sessions.isSuccess && sessions.data.length === 0)) && (
          <p className="px-3 py-2 text-xs leading-relaxed text-slate-500">아직 대화가 없습니다. 첫 질문을 보내면 여기에 저장됩니다.</p>
        )}
        <ul className="space-y-0.5" data-testid="conversation-list">
          {sessions.data?.map((s) => {
            const active = s.id === activeSessionId;
            if (editing?.id === s.id) {
              return (
                <li key={s.id}>
                  <form
                    className="flex gap-1 px-1 py-1"
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (editing.title.trim()) rename.mutate({ sessionId: s.id, title: editing.title });
                      setEditing(null);
                    }}
                  >
                    <input
                      autoFocus
                      value={editing.title}
                      maxLength={120}
                      onChange={(e) => setEditing({ id: s.id, title: e.target.value })}
                      onKeyDown={(e) => e.key === "Escape" && setEditing(null)}
                      aria-label="대화 이름"
                      className="min-w-0 flex-1 rounded-md border border-indigo-300 px-2 py-1 text-sm outline-none ring-2 ring-indigo-100"
                    />
                    <button type="submit" className="rounded-md px-2 text-xs font-medium text-indigo-700 hover:bg-indigo-50">저장</button>
                  </form>
                </li>
              );
            }
            return (
              <li key={s.id} className="group relative">
                <button
                  type="button"
                  onClick={() => onSelect(s.id)}
                  aria-current={active ? "page" : undefined}
                  data-testid="conversation"
                  className={`flex w-full items-center gap-2 rounded-lg py-2 pl-3 pr-16 text-left text-sm transition ${
                    active ? "bg-white font-medium text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-700 hover:bg-white/70"
                  }`}
                >
                  <span className={`size-1.5 shrink-0 rounded-full ${STATUS_DOT[s.lastStatus ?? ""] ?? "bg-slate-300"}`} aria-hidden />
                  <span className="min-w-0 flex-1 truncate">{s.title}</span>
                  <span className="shrink-0 text-[11px] text-slate-400 group-hover:hidden [@media(hover:none)]:hidden">{formatWhen(s.updatedAt)}</span>
                </button>
                <div className="absolute right-1 top-1/2 hidden -translate-y-1/2 gap-0.5 group-focus-within:flex group-hover:flex [@media(hover:none)]:flex">
                  <button
                    type="button"
                    onClick={() => setEditing({ id: s.id, title: s.title })}
                    className="rounded px-1.5 py-1 text-[11px] text-slate-500 hover:bg-slate-200 hover:text-slate-800"
                    aria-label={`${s.title} 이름 바꾸기`}
                  >
                    이름
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm(`"${s.title}" 대화를 삭제할까요?`)) remove.mutate({ sessionId: s.id });
                    }}
                    className="rounded px-1.5 py-1 text-[11px] text-slate-500 hover:bg-rose-100 hover:text-rose-700"
                    aria-label={`${s.title} 삭제`}
                  >
                    삭제
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
