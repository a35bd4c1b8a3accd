// Root layout: Korean-first document, system font stack (no network fonts), and the tRPC/React Query
// provider shared by the chat pages and the admin console.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppDisplayProvider } from "@/components/app-display";
import { HousingSlots } from "@/components/housing/slots";
import { TRPCReactProvider } from "@/components/trpc";
import { housingDisplay } from "@/server/apps/housing/display";
import "./globals.css";

// Every page renders per request: the CSP nonce (proxy.ts) is new for each one, and Next can only put
// it on its scripts while rendering.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Ensemble · 부동산 상담",
  description: "팀과 도구를 오케스트레이션하는 부동산·임대차 상담 어시스턴트",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#4f46e5",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body>
        <TRPCReactProvider>
          <AppDisplayProvider display={housingDisplay}>
            <HousingSlots>{children}</HousingSlots>
          </AppDisplayProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
