import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// Link, redirect and usePathname that keep the reader's locale in every public URL.
export const { Link, redirect, usePathname, getPathname } = createNavigation(routing);
