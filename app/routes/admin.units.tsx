import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { listUnitsWithHeadcount } from "~/models/org-unit.server";
import { requirePermission } from "~/utils/auth.server";
import { compareVietnamese } from "~/utils/text";

type Unit = Awaited<ReturnType<typeof listUnitsWithHeadcount>>[number];
type UnitNode = Unit & { children: UnitNode[] };

function buildTree(units: Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { ...unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareVietnamese(a.name, b.name));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

// Admins: the whole organisation tree, with today's head counts.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:unit:any");
  const t = getTranslate(request);
  return { title: `${t("units.title")} – ${t("app.titleSuffix")}`, tree: buildTree(await listUnitsWithHeadcount()) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

function Branch({ nodes }: { nodes: UnitNode[] }) {
  const t = useT();
  return (
    <ul>
      {nodes.map((node) => (
        <li key={node.id}>
          <div className="tree__node">
            <Link to={`/admin/units/${node.id}`} className="tree__name">
              {node.name}
            </Link>
            <span className="tree__meta">
              {t(`unitKind.${node.kind}`)} · {t("units.code")} {node.code} · {t("units.people", { count: node.people })}
            </span>
          </div>
          {node.children.length ? <Branch nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default function AdminUnits() {
  const { tree } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("units.title")}</h1>
      <p className="lead">{t("units.lead")}</p>
      <p>
        <Link to="/admin/units/new" className="button button--secondary">
          {t("units.add")}
        </Link>
      </p>
      <div className="tree">
        <Branch nodes={tree} />
      </div>
    </>
  );
}
