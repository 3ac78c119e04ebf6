import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { Layout } from './components/Layout';
import { Dashboard } from './pages/Dashboard';
import { Lineage } from './pages/Lineage';
import { ProjectPage } from './pages/ProjectPage';
import { Projects } from './pages/Projects';
import { RegisterProject } from './pages/RegisterProject';
import { asOfSearch, dashboardSearch, lineageSearch, projectListSearch, projectPageSearch } from './search';

/** Every page's state is in its URL: "as of" on every page, filters, sort and page on the lists. */
const rootRoute = createRootRoute({ component: Layout, validateSearch: asOfSearch });

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: Dashboard, validateSearch: dashboardSearch });
const projectsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/projects', component: Projects, validateSearch: projectListSearch });
const registerRoute = createRoute({ getParentRoute: () => rootRoute, path: '/projects/new', component: RegisterProject });
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
