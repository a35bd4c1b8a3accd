// One conversation: loads its past turns (tRPC), re-attaches to a run still in progress, sends new
// questions (POST /api/chat) and keeps the view pinned to the newest content while it streams.
"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAppLabels } from "../app-display";
import { useTRPC } from "../trpc";
import { ApiError, errorMessage, startChatRun } from "./api";
import { Composer } from "./composer";
import { RunFeed } from "./run-feed";
import { ErrorNotice, TurnCard, type TurnEntry } from "./turn-card";

let turnCounter = 0;
const nextTurnKey = () => `turn-${Date.now().toString(36)}-${++turnCounter}`;

/** Re-renders when any feed changes and says whether one of them is still running. */
function useAnyRunning(turns: TurnEntry[]): boolean {
  const compute = useCallback(() => turns.some((t) => t.sending || t.feed?.getSnapshot().view.status === "running"), [turns]);
  const subscribe = useCallback((onChange: () => void) => {
    const unsubs = turns.flatMap((t) => (t.feed ? [t.feed.subscribe(onChange)] : []));
    return () => unsubs.forEach((u) => u());
  }, [turns]);
  return useSyncExternalStore(subscribe, compute, compute);
}

/** Keeps the scroll at the bottom while new content arrives, unless the reader scrolled up. */
function useStickToBottom() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const onScroll = () => {
      stick.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
    };
    const observer = new ResizeObserver(() => {
      if (stick.current) scroller.scrollTop = scroller.scrollHeight;
    });
    scroller.addEventListener("scroll", onScroll, { passive: true });
    observer.observe(content);
    return () => {
      scroller.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, []);
  const pin = () => {
    stick.current = true;
    const s = scrollRef.current;
    if (s) s.scrollTop = s.scrollHeight;
  };
  return { scrollRef, contentRef, pin };
}

export function ChatThread({
  initialSessionId, hasUser, onUserKnown, onSessionCreated, onNewChat,
}: {
  initialSessionId: string | null;
  hasUser: boolean;
  onUserKnown: () => void;
  onSessionCreated: (sessionId: string) => void;
  onNewChat: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [turns, setTurns] = useState<TurnEntry[]>([]);
  const [draft, setDraft] = useState("");
  const { welcome } = useAppLabels();
  const sessionIdRef = useRef<string | null>(initialSessionId);
  const feedsRef = useRef(new Set<RunFeed>());
  const { scrollRef, contentRef, pin } = useStickToBottom();

  const history = useQuery({
    ...trpc.chat.session.queryOptions({ sessionId: initialSessionId ?? "" }),
    enabled: initialSessionId !== null && hasUser,
    refetchOnMount: "always",
    retry: false,
  });
  const historyReady = history.isFetchedAfterMount && history.isSuccess;
  const historyData = history.data;

  // Past turns: finished ones from their summary, a running one re-attached from seq 0 so nothing is missed.
  useEffect(() => {
    if (!historyReady || !historyData) return;
    const created: RunFeed[] = [];
    const loaded: TurnEntry[] = historyData.turns.map((t) => {
      const feed = new RunFeed(t.runId, t.question);
      created.push(feed);
      feed.load(t.status, { question: t.question, error: t.error });
      return { key: t.runId, question: t.question, feed, sending: false, requestError: null };
    });
    const feeds = feedsRef.current;
    created.forEach((f) => feeds.add(f));
    // Turns also hold this tab's own unsent and live turns, so loaded history is merged into them here,
    // once per load, rather than derived during render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTurns((local) => [...loaded, ...local.filter((l) => !loaded.some((p) => p.key === l.feed?.runId))]);
    return () => {
      created.forEach((f) => {
        f.dispose();
        feeds.delete(f);
      });
      setTurns((local) => local.filter((l) => !l.feed || !created.includes(l.feed)));
    };
  }, [historyReady, historyData]);

  useEffect(() => {
    const feeds = feedsRef.current;
    return () => feeds.forEach((f) => f.dispose());
  }, []);

  const busy = useAnyRunning(turns);

  const send = async (text: string) => {
    const key = nextTurnKey();
    const patch = (p: Partial<TurnEntry>) => setTurns((ts) => ts.map((t) => (t.key === key ? { ...t, ...p } : t)));
    setTurns((ts) => [...ts, { key, question: text, feed: null, sending: true, requestError: null }]);
    setDraft("");
    pin();
    try {
      const started = await startChatRun(text, sessionIdRef.current);
      onUserKnown();
      if (started.sessionId && started.sessionId !== sessionIdRef.current) {
        sessionIdRef.current = started.sessionId;
        onSessionCreated(started.sessionId);
      }
      const feed = new RunFeed(started.runId, text);
      feedsRef.current.add(feed);
      feed.consume(started.body);
      patch({ feed, sending: false });
      const refreshSessions = () => void queryClient.invalidateQueries({ queryKey: trpc.chat.sessions.queryKey() });
      refreshSessions();
      const unsubscribe = feed.subscribe(() => {
        if (feed.getSnapshot().view.status !== "running") {
          unsubscribe();
          refreshSessions();
        }
      });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : "network_error";
      patch({ sending: false, requestError: { code, message: errorMessage(e) } });
      // Give the text back so the user can fix it and resend.
      setDraft((d) => (d ? d : text));
    }
  };

  const notFound =
    initialSessionId !== null && (!hasUser || (history.isError && history.error?.data?.code === "NOT_FOUND"));
  const historyFailed = initialSessionId !== null && history.isError && !notFound;
  const historyLoading = initialSessionId !== null && hasUser && !historyReady && !history.isError;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto overscroll-contain" data-testid="thread">
        <div ref={contentRef} className="mx-auto w-full max-w-3xl space-y-8 px-4 py-6 md:px-6">
          {notFound && (
            <div className="rounded-xl border border-slate-200 bg-white p-6 text-center" data-testid="session-not-found">
              <p className="font-semibold text-slate-800">대화를 찾을 수 없습니다</p>
              <p className="mt-1 text-sm text-slate-500">삭제되었거나 다른 브라우저에서 만든 대화입니다.</p>
              <button type="button" onClick={onNewChat} className="mt-4 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700">
                새 대화 시작
              </button>
            </div>
          )}
          {historyFailed && (
            <ErrorNotice title="대화를 불러오지 못했습니다" message={history.error?.message ?? "알 수 없는 오류"} onRetry={() => void history.refetch()} />
          )}
          {historyLoading && (
            <div className="space-y-3" aria-busy="true" data-testid="history-loading">
              <div className="ml-auto h-10 w-2/3 animate-pulse rounded-2xl bg-slate-200/70" />
              <div className="h-32 animate-pulse rounded-xl bg-slate-200/50" />
            </div>
          )}
          {!notFound && !historyLoading && turns.length === 0 && initialSessionId === null && (
            <div className="pt-6 md:pt-14">
              <h2 className="text-2xl font-bold tracking-tight text-slate-900">{welcome.title}</h2>
              <p className="mt-2 text-sm leading-relaxed text-slate-600">{welcome.intro}</p>
              <ul className="mt-6 grid gap-2">
                {welcome.examples.map((q) => (
                  <li key={q}>
                    <button
                      type="button"
                      onClick={() => setDraft(q)}
                      className="w-full rounded-xl border border-slate-200 bg-white px-4 py-3 text-left text-sm text-slate-700 shadow-sm transition hover:border-indigo-300 hover:bg-indigo-50/50"
                    >
                      {q}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {turns.map((t) => <TurnCard key={t.key} turn={t} />)}
        </div>
      </div>
      {!notFound && (
        <div className="border-t border-slate-200 bg-slate-50/90 px-3 pb-[max(0.5rem,env(safe-area-inset-bottom))] pt-3 backdrop-blur md:px-6">
          <Composer value={draft} onChange={setDraft} onSend={(t) => void send(t)} busy={busy} />
        </div>
      )}
    </div>
  );
}
