import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { Layout } from './components/Layout';
import { Dashboard } from './pages/Dashboard';
import { Lineage } from './pages/Lineage';
import { ProjectPage } from './pages/ProjectPage';
import { Projects } from './pages/Projects';
import { asOfSearch, dashboardSearch, lineageSearch, projectListSearch, projectPageSearch } from './search';

/** Every page's state is in its URL: "as of" on every page, filters, sort and page on the lists. */
const rootRoute = createRootRoute({ component: Layout, validateSearch: asOfSearch });

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: Dashboard, validateSearch: dashboardSearch });
const projectsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/projects', component: Projects, validateSearch: projectListSearch });
// The form and the request schemas that check it load when the page is opened.
const registerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/new',
  component: lazyRouteComponent(() => import('./pages/RegisterProject'), 'RegisterProject'),
});
const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$projectId',
  component: ProjectPage,
  validateSearch: projectPageSearch,
});
const lineageRoute = createRoute({ getParentRoute: () => rootRoute, path: '/lineage', component: Lineage, validateSearch: lineageSearch });

const routeTree = rootRoute.addChildren([dashboardRoute, projectsRoute, registerRoute, projectRoute, lineageRoute]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
