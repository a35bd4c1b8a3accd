// The end-user chat page: conversation list (sidebar, or a menu drawer on phones), the active
// conversation and the "My memory" drawer. The URL (/ or /c/<sessionId>) follows the active conversation.
"use client";

import { useCallback, useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc";
import { ChatThread } from "./chat-thread";
import { ConversationList } from "./conversation-list";
import { MemoryPanel } from "./memory-panel";

const SESSION_PATH = /^\/c\/([0-9a-fA-F-]{36})\/?$/;

function sessionFromPath(pathname: string): string | null {
  return SESSION_PATH.exec(pathname)?.[1] ?? null;
}

export function ChatApp({ initialSessionId, initialHasUser }: { initialSessionId: string | null; initialHasUser: boolean }) {
  const [activeSessionId, setActiveSessionId] = useState(initialSessionId);
  // Changes only when the user switches conversation: a new session created mid-stream keeps its thread.
  const [threadKey, setThreadKey] = useState(0);
  const [threadSessionId, setThreadSessionId] = useState(initialSessionId);
  const [hasUser, setHasUser] = useState(initialHasUser);
  const [menuOpen, setMenuOpen] = useState(false);
  const [memoryOpen, setMemoryOpen] = useState(false);
  const trpc = useTRPC();
  // Shares the conversation list's query (same key): the header names the open conversation.
  const sessions = useQuery({ ...trpc.chat.sessions.queryOptions(), enabled: hasUser });
  const title = activeSessionId ? (sessions.data?.find((s) => s.id === activeSessionId)?.title ?? "대화") : "새 대화";

  const open = useCallback((sessionId: string | null, push: boolean) => {
    const path = sessionId ? `/c/${sessionId}` : "/";
    if (push && window.location.pathname !== path) window.history.pushState(null, "", path);
    setActiveSessionId(sessionId);
    setThreadSessionId(sessionId);
    setThreadKey((k) => k + 1);
    setMenuOpen(false);
  }, []);

  useEffect(() => {
    const onPop = () => open(sessionFromPath(window.location.pathname), false);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [open]);

  const onSessionCreated = useCallback((sessionId: string) => {
    // Replace, not push: reloading now must land on this conversation, and Back should not show an empty one.
    window.history.replaceState(null, "", `/c/${sessionId}`);
    setActiveSessionId(sessionId);
  }, []);

  const closeMemory = useCallback(() => setMemoryOpen(false), []);

  const list = (
    <ConversationList
      activeSessionId={activeSessionId}
      hasUser={hasUser}
      onSelect={(id) => open(id, true)}
      onNewChat={() => open(null, true)}
      onDeleted={(id) => id === activeSessionId && open(null, true)}
    />
  );

  return (
    <div className="flex h-dvh overflow-hidden bg-slate-50 text-slate-900">
      <aside className="hidden w-72 shrink-0 flex-col border-r border-slate-200 bg-slate-100/70 md:flex" data-testid="sidebar">
        <div className="flex items-center gap-2 px-4 pb-1 pt-4">
          <span className="flex size-7 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white" aria-hidden>E</span>
          <span className="font-semibold tracking-tight">Ensemble</span>
          <span className="text-xs text-slate-500">부동산 상담</span>
        </div>
        {list}
      </aside>

      {menuOpen && (
        <div className="fixed inset-0 z-30 flex md:hidden" role="dialog" aria-modal="true" aria-label="대화 목록" data-testid="mobile-menu">
          <aside className="relative flex h-full w-[82%] max-w-xs flex-col bg-slate-100 shadow-xl">
            <div className="flex items-center gap-2 px-4 pb-1 pt-4">
              <span className="font-semibold">대화</span>
              <button type="button" onClick={() => setMenuOpen(false)} className="ml-auto rounded-lg px-2 py-1 text-slate-500 hover:bg-slate-200" aria-label="메뉴 닫기">
                ✕
              </button>
            </div>
            {list}
          </aside>
          <button type="button" className="flex-1 bg-slate-900/30" aria-label="메뉴 닫기" onClick={() => setMenuOpen(false)} />
        </div>
      )}

      <main className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 shrink-0 items-center gap-2 border-b border-slate-200 bg-white/80 px-3 backdrop-blur md:px-6">
          <button
            type="button"
            onClick={() => setMenuOpen(true)}
            className="rounded-lg p-2 text-slate-600 hover:bg-slate-100 md:hidden"
            aria-label="대화 목록 열기"
            data-testid="menu-button"
          >
            <svg viewBox="0 0 20 20" className="size-5" fill="currentColor" aria-hidden>
              <path d="M3 5h14v1.5H3zM3 9.25h14v1.5H3zM3 13.5h14V15H3z" />
            </svg>
          </button>
          <h1 className="min-w-0 truncate text-sm font-semibold text-slate-800 md:text-base">
            {title}
          </h1>
          <button
            type="button"
            onClick={() => setMemoryOpen(true)}
            className="ml-auto shrink-0 whitespace-nowrap rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
            data-testid="memory-button"
          >
            내 기억
          </button>
        </header>
        <ChatThread
          key={threadKey}
          initialSessionId={threadSessionId}
          hasUser={hasUser}
          onUserKnown={() => setHasUser(true)}
          onSessionCreated={onSessionCreated}
          onNewChat={() => open(null, true)}
        />
      </main>

      <MemoryPanel open={memoryOpen} hasUser={hasUser} onClose={closeMemory} />
    </div>
  );
}
