// The app-wide 404 page, in the chat's look.
import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-6">
      <div className="max-w-sm text-center">
        <p className="text-5xl font-bold text-indigo-600">404</p>
        <h1 className="mt-3 text-lg font-semibold text-slate-900">페이지를 찾을 수 없습니다</h1>
        <p className="mt-1 text-sm text-slate-500">주소가 바뀌었거나 삭제된 페이지입니다.</p>
        <Link href="/" className="mt-6 inline-block rounded-xl bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-700">
          대화로 돌아가기
        </Link>
      </div>
    </main>
  );
}
