import { ActionIcon, Alert, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { IconZoomIn, IconZoomOut } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as PdfJsModule from "pdfjs-dist";

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

/** pdf.js and its worker, loaded the first time a PDF is shown (they are not in any other page's JavaScript). */
let pdfjsLoading: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]).then(
    ([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    },
  );
  return pdfjsLoading;
}

const PAGE_STEP = 10;

/**
 * A PDF drawn page by page onto canvases with pdf.js, from the same download URL the link uses (so the
 * hardening's `frame-ancestors 'none'` and attachment disposition on downloads stay as they are: no iframe).
 * The canvases are images to assistive technology; the page offers the extracted text beside them.
 */
export function PdfPages({ url }: { url: string }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState(PAGE_STEP);
  const [zoom, setZoom] = useState(1);

  useEffect(() => {
    let cancelled = false;
    let loaded: PdfDocument | null = null;
    setDoc(null);
    setFailed(false);
    setShown(PAGE_STEP);
    loadPdfJs()
      .then((pdfjs) => pdfjs.getDocument({ url, isEvalSupported: false, withCredentials: true }).promise)
      .then((d) => {
        loaded = d;
        if (cancelled) void d.destroy();
        else setDoc(d);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (loaded) void loaded.destroy();
    };
  }, [url]);

  if (failed) return <Alert color="orange">{t("documents.review.page.pdfFailed")}</Alert>;
  if (!doc)
    return (
      <Group gap="xs">
        <Loader size="sm" aria-hidden />
        <Text>{t("documents.review.page.loading")}</Text>
      </Group>
    );
  const pages = doc.numPages;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <ActionIcon
          variant="default"
          aria-label={t("documents.review.page.zoomOut")}
          disabled={zoom <= 0.5}
          onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))}
        >
          <IconZoomOut size={18} aria-hidden />
        </ActionIcon>
        <Text size="sm" aria-live="polite">
          {Math.round(zoom * 100)} %
        </Text>
        <ActionIcon
          variant="default"
          aria-label={t("documents.review.page.zoomIn")}
          disabled={zoom >= 3}
          onClick={() => setZoom((z) => Math.min(3, z + 0.25))}
        >
          <IconZoomIn size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <div className="pdf-pages" tabIndex={0} aria-label={t("documents.review.page.documentHeading")}>
        {Array.from({ length: Math.min(shown, pages) }, (_, i) => (
          <PdfPage key={i} doc={doc} number={i + 1} pages={pages} zoom={zoom} />
        ))}
      </div>
      {shown < pages && (
        <div>
          <Button variant="outline" onClick={() => setShown((s) => s + PAGE_STEP)}>
            {t("documents.review.page.morePages", { shown, pages })}
          </Button>
        </div>
      )}
    </Stack>
  );
}

function PdfPage({ doc, number, pages, zoom }: { doc: PdfDocument; number: number; pages: number; zoom: number }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let cancelled = false;
    void doc.getPage(number).then((page) => {
      if (cancelled || !canvas.current || !box.current) return;
      const width = box.current.clientWidth || 800;
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / base.width) * zoom * ratio });
      const el = canvas.current;
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      el.style.width = `${Math.floor(viewport.width / ratio)}px`;
      el.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = page.render({ canvas: el, viewport });
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, number, zoom]);

  const label = t("documents.review.page.pageOf", { page: number, pages });
  return (
    <div ref={box} className="pdf-page">
      <Text size="xs" c="dark.5" aria-hidden>
        {label}
      </Text>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
